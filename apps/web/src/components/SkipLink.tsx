import type { ReactNode } from 'react';
import classes from './SkipLink.module.css';

/** A link that is invisible until focused and moves focus past a long block (e.g. the role graph). */
export function SkipLink({ targetId, children }: { targetId: string; children: ReactNode }) {
  return (
    <a
      href={`#${targetId}`}
      className={classes.skipLink}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        event.preventDefault();
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.focus();
      }}
    >
      {children}
    </a>
  );
}
