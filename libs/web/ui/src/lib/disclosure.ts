import { useCallback, useEffect, useId, useRef, useState, type FocusEvent } from 'react';

/** What a disclosure's focusable children are: the first of them takes the focus when it opens. */
const FOCUSABLE = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), [tabindex="0"]';

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern) for menus in the page chrome: the
 * button says `aria-expanded` and names the panel (`aria-controls`); opening moves the focus to the panel's
 * first control; Escape closes and gives the focus back to the button; a click outside, or the focus leaving
 * for somewhere else, closes without moving the focus.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const close = useCallback((returnFocus = false) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    document.getElementById(panelId)?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close(true);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) close();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, panelId, close]);

  return {
    open,
    close,
    containerProps: {
      ref: container,
      // Tabbing past the last control closes the panel (a click elsewhere is the pointer handler's).
      onBlur: (event: FocusEvent<HTMLElement>) => {
        const next = event.relatedTarget as Node | null;
        if (next && !event.currentTarget.contains(next)) setOpen(false);
      },
    },
    buttonProps: {
      ref: button,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((was) => !was),
    },
    panelId,
  };
}
