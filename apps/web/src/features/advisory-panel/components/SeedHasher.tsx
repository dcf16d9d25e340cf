'use client';

import { useId, useState } from 'react';

import { sha256Hex } from '../sha256';
import styles from './advisory-panel.module.css';

type Props = { texts: { seed: string; seedHint: string; hash: string; empty: string } };

/**
 * A witness types their secret seed and reads its SHA-256 hash, to give to the
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
      </div>
      <p>
        <strong id={`${id}-label`}>{texts.hash}</strong>
      </p>
      <output className={styles.mono} aria-labelledby={`${id}-label`} aria-live="polite" data-testid="seed-hash">
        {hash || texts.empty}
      </output>
    </div>
  );
}
