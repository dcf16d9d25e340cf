'use client';

import { useId, useState } from 'react';

import { sha256Hex } from '../sha256';
import styles from './advisory-panel.module.css';

type Props = { texts: { seed: string; seedHint: string; hash: string; empty: string; generate: string; weak: string } };

/** 16 random bytes from the browser's generator, in hexadecimal: the 128 bits a seed needs. */
function generatedSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The rule the API applies at the reveal (32+ hexadecimal characters). */
const STRONG_SEED = /^[0-9a-fA-F]{32,}$/;

/**
 * A witness generates (or types) their secret seed and reads its SHA-256 hash, to give to the
 * organizers for the commitment. Computed here, in the browser: the seed is
 * never sent. (Without JavaScript, the page gives the command that does the same.)
 */
export function SeedHasher({ texts }: Props) {
  const id = useId();
  const [seed, setSeed] = useState('');
  const hash = seed ? sha256Hex(seed) : '';
  return (
    <div className={styles.group}>
      <div className="field">
        <label htmlFor={`${id}-seed`}>{texts.seed}</label>
        <p className="hint" id={`${id}-hint`}>
          {texts.seedHint}
        </p>
        <input id={`${id}-seed`} type="text" autoComplete="off" spellCheck={false} value={seed} onChange={(event) => setSeed(event.target.value)} aria-describedby={`${id}-hint`} />
        {seed && !STRONG_SEED.test(seed) ? (
          <p className="field-error" role="alert">
            {texts.weak}
          </p>
        ) : null}
      </div>
      <p>
        <button type="button" className="button secondary" onClick={() => setSeed(generatedSeed())}>
          {texts.generate}
        </button>
      </p>
      <p>
        <strong id={`${id}-label`}>{texts.hash}</strong>
      </p>
      <output className={styles.mono} aria-labelledby={`${id}-label`} aria-live="polite" data-testid="seed-hash">
        {hash || texts.empty}
      </output>
    </div>
  );
}
