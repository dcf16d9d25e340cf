'use client';

import type { Ref } from 'react';
import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

import styles from './Button.module.css';

export type ButtonProps = Omit<AriaButtonProps, 'className'> & {
  variant?: 'primary' | 'secondary';
  className?: string;
  ref?: Ref<HTMLButtonElement>;
};

/**
 * React Aria button: consistent press handling across mouse, touch, keyboard
 * and assistive tech. `type="submit"` keeps working without JavaScript since
 * it still renders a native <button>.
 */
export function Button({ variant = 'primary', className, ref, ...props }: ButtonProps) {
  const classes = [styles.button, styles[variant], className].filter(Boolean).join(' ');
  return <AriaButton {...props} ref={ref} className={classes} />;
}
