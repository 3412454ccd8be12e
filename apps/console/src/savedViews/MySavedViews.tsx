import { useCallback, useEffect, useState } from 'react';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, Card, IconButton, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LinkBase, MenuItemLink, Title, useGetResourceLabel, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { savedViewsApi, viewPath, type SavedView } from './api';
import { useDeleteView } from './useDeleteView';

/** "Meine Ansichten" in the menu. */
export const SavedViewsMenuItem = () => {
  const translate = useTranslate();
  return <MenuItemLink to="/saved-views" data-testid="menu-saved-views" primaryText={translate('genq_saved_views.mine_title')} leftIcon={<BookmarksIcon />} />;
};

/**
 * "Meine Ansichten": every view the signed-in person saved, of every list (GET
 * /api/saved-views?owner=me), each opening its list with its filter and sort, each deleted
 * after asking. Views are saved from a list's "Gespeicherte Ansichten".
 */
export const MySavedViews = () => {
  const translate = useTranslate();
  const dateLocale = useDateLocale();
  const resourceLabel = useGetResourceLabel();
  const [views, setViews] = useState<SavedView[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = useCallback(() => {
    savedViewsApi
      .mine()
      .then((v) => {
        setViews(v);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, []);
  useEffect(load, [load]);
  const { ask, dialog } = useDeleteView(() => load());
  const date = (iso: string) => new Date(iso).toLocaleDateString(dateLocale, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const listOf = (v: SavedView) => resourceLabel(v.resource, 2);
  const sorted = [...(views ?? [])].sort((a, b) => listOf(a).localeCompare(listOf(b), dateLocale) || a.name.localeCompare(b.name, dateLocale));

  return (
    <Box sx={{ mt: 2 }} data-testid="my-saved-views">
      <Title title="genq_saved_views.mine_title" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('genq_saved_views.mine_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('genq_saved_views.mine_intro')}
      </Typography>
      {failed && <Alert severity="error">{translate('genq_saved_views.mine_failed')}</Alert>}
      {!failed && views === null && <Skeleton variant="rectangular" height={120} />}
      {views !== null && views.length === 0 && <Alert severity="info">{translate('genq_saved_views.mine_none')}</Alert>}
      {views !== null && views.length > 0 && (
        <Card>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('genq_saved_views.name')}</TableCell>
                <TableCell>{translate('genq_saved_views.list')}</TableCell>
                <TableCell>{translate('genq_saved_views.created_at')}</TableCell>
                <TableCell align="right">{translate('genq_saved_views.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {sorted.map((v) => (
                <TableRow key={v.id} data-testid="my-saved-view">
                  <TableCell>
                    <LinkBase to={viewPath(v)}>{v.name}</LinkBase>
                  </TableCell>
                  <TableCell>{listOf(v)}</TableCell>
                  <TableCell>{date(v.createdAt)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" component={LinkBase} to={viewPath(v)}>
                      {translate('genq_saved_views.open')}
                    </Button>
                    <IconButton size="small" aria-label={translate('genq_saved_views.delete', { name: v.name })} data-testid="saved-view-delete" onClick={() => ask(v)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {dialog}
    </Box>
  );
};
