import enCore from '../../messages/en.json';
import frCore from '../../messages/fr.json';
import enProposals from '../../messages/proposals/en.json';
import frProposals from '../../messages/proposals/fr.json';
import enRegisterEditor from '../../messages/register-editor/en.json';
import frRegisterEditor from '../../messages/register-editor/fr.json';
import enRegister from '../../messages/register/en.json';
import frRegister from '../../messages/register/fr.json';
import type { AppLocale } from './config';

/**
 * The message catalogues. The shell's strings are in messages/{fr,en}.json;
 * large features keep theirs in messages/<feature>/{fr,en}.json, each file
 * holding whole namespaces.
 */
export const fr = { ...frCore, ...frRegister, ...frRegisterEditor, ...frProposals };
export type Messages = typeof fr;

// Typing the map against the French catalogue makes `tsc` fail when the
// English one lacks a key (the e2e suite also checks both languages match exactly).
export const catalogues: Record<AppLocale, Messages> = { fr, en: { ...enCore, ...enRegister, ...enRegisterEditor, ...enProposals } };
