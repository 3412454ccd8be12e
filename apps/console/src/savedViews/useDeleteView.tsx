import { useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { savedViewsApi, type SavedView } from './api';

/** The reason of a refused request as the gateway said it (in the user's language, see providers/problems). */
export const reasonOf = (e: unknown): string => {
  const body = (e as { body?: { message?: unknown } } | null)?.body;
  return typeof body?.message === 'string' ? body.message : e instanceof Error ? e.message : String(e);
};

/**
 * Deleting a saved view, after asking: everyone of the same role loses it too. `ask(view)`
 * opens the question; render `dialog` once where the view is offered for deletion.
 */
export const useDeleteView = (onDeleted: (view: SavedView) => void) => {
  const notify = useNotify();
  const [pending, setPending] = useState<SavedView | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!pending) return;
    const view = pending;
    setBusy(true);
    try {
      await savedViewsApi.remove(view.id);
      notify('genq_saved_views.deleted', { type: 'info', messageArgs: { name: view.name } });
      onDeleted(view);
    } catch (e) {
      notify('genq_saved_views.delete_failed', { type: 'error', messageArgs: { reason: reasonOf(e) } });
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  const dialog = (
    <Confirm
      isOpen={pending !== null}
      loading={busy}
      title="genq_saved_views.confirm_delete_title"
      content="genq_saved_views.confirm_delete"
      translateOptions={{ name: pending?.name ?? '' }}
      confirm="genq_saved_views.delete_confirm"
      confirmColor="warning"
      onConfirm={() => void confirm()}
      onClose={() => setPending(null)}
    />
  );
  return { ask: setPending, dialog };
};
