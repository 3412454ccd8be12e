import { useCallback, useEffect, useState } from 'react';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { Button, useListContext, useNotify, useTranslate } from 'react-admin';
import { savedViewsApi, type SavedView } from './api';
import { reasonOf, useDeleteView } from './useDeleteView';

/**
 * What the name field says of a refused save: the name's own field problem (400), or that
 * the person has a view of this name for this list already (409, the gateway's sentence).
 */
export const nameProblemOf = (e: unknown): string | null => {
  const body = (e as { status?: number; body?: { code?: unknown; errors?: Record<string, unknown> } } | null)?.body;
  if (body?.code === 'saved_view.name_taken') return reasonOf(e);
  return typeof body?.errors?.name === 'string' ? body.errors.name : null;
};

/**
 * "Gespeicherte Ansichten" of a list, the console's one way to keep a filter: applies a view
 * (its filter and sort) in one click, saves the current filter under a name for everyone of
 * the same role (a person's names are unique per list: the gateway refuses a second one with
 * 409), deletes one after asking. All of one's own views are under "Meine Ansichten" in the menu.
 */
export const SavedViewsButton = () => {
  const { resource, filterValues, sort, setFilters, setSort } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [views, setViews] = useState<SavedView[]>([]);
  const [dialog, setDialog] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    savedViewsApi
      .list(resource)
      .then(setViews)
      .catch(() => setViews([]));
  }, [resource]);
  useEffect(load, [load]);
  const { ask, dialog: deleteDialog } = useDeleteView(() => load());

  const apply = (view: SavedView) => {
    setAnchor(null);
    const displayed = Object.fromEntries(Object.keys(view.filter).map((k) => [k, true]));
    setFilters(view.filter, displayed);
    if (view.sort) setSort(view.sort);
  };

  const save = async () => {
    if (!name.trim()) {
      setNameError(translate('genq_saved_views.name_required'));
      return;
    }
    setBusy(true);
    try {
      const view = await savedViewsApi.create({ resource, name, filter: filterValues ?? {}, sort: sort ?? null });
      notify('genq_saved_views.saved', { type: 'success', messageArgs: { name: view.name } });
      setDialog(false);
      setName('');
      load();
    } catch (e) {
      const problem = nameProblemOf(e);
      if (problem) setNameError(problem);
      else notify('genq_saved_views.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        label="genq_saved_views.button"
        onClick={(e) => {
          load();
          setAnchor(e.currentTarget);
        }}
        startIcon={<BookmarksIcon />}
        aria-haspopup="menu"
        data-testid="saved-views-button"
      />
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} data-testid="saved-views-menu">
        {views.length === 0 && (
          <MenuItem disabled>
            <Typography variant="body2">{translate('genq_saved_views.none')}</Typography>
          </MenuItem>
        )}
        {views.map((v) => (
          <MenuItem key={v.id} onClick={() => apply(v)} data-testid="saved-view">
            <ListItemText primary={v.name} />
            <IconButton
              size="small"
              edge="end"
              aria-label={translate('genq_saved_views.delete', { name: v.name })}
              data-testid="saved-view-delete"
              onClick={(e) => {
                e.stopPropagation();
                setAnchor(null);
                ask(v);
              }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setNameError(null);
            setDialog(true);
          }}
        >
          {translate('genq_saved_views.save_current')}
        </MenuItem>
      </Menu>
      {deleteDialog}
      <Dialog open={dialog} onClose={() => setDialog(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate('genq_saved_views.dialog_title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={translate('genq_saved_views.name')}
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setNameError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save();
            }}
            error={nameError !== null}
            helperText={nameError ?? translate('genq_saved_views.shared_hint')}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setDialog(false)}>{translate('genq_saved_views.cancel')}</MuiButton>
          <MuiButton onClick={() => void save()} disabled={busy} variant="contained">
            {translate('genq_saved_views.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
