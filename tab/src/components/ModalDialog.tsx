/**
 * A modal dialog that stays mounted and closes through `open`. Unmounting an open Fluent dialog
 * (the obvious `{x && <Dialog open>}`) left the whole page aria-hidden after a Close button:
 * invisible to screen readers. The content mounts only while open, so it starts fresh each time.
 */
import { Dialog, DialogSurface } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export function ModalDialog(props: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Dialog open={props.open} modalType="modal" onOpenChange={(_e, d) => !d.open && props.onClose()}>
      <DialogSurface>{props.open && props.children}</DialogSurface>
    </Dialog>
  );
}
