import { useState, type ChangeEvent } from 'react';
import { Alert, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Create, SimpleForm, TextInput, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { catalogueProblems } from './types';

/** Reads a chosen JSON file into the document field, so uploading and pasting end up the same. */
const UploadButton = () => {
  const translate = useTranslate();
  const { setValue } = useFormContext();
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setValue('document', await file.text(), { shouldDirty: true });
    e.target.value = '';
  };
  return (
    <Button component="label" variant="outlined" startIcon={<UploadFileIcon />} sx={{ mb: 2 }}>
      {translate('genq_catalogues.create.upload')}
      <input type="file" accept="application/json,.json" hidden data-testid="catalogue-file" onChange={onFile} />
    </Button>
  );
};

/**
 * A new catalogue version: the whole catalogue document, uploaded or pasted. The gateway
 * checks it in full and lists every problem; they appear under the document, one per line.
 */
export const CatalogueCreate = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [problems, setProblems] = useState<string[]>([]);

  const onSubmit = async (values: Record<string, unknown>) => {
    let document: unknown;
    try {
      document = JSON.parse(String(values.document ?? ''));
    } catch (err) {
      setProblems([]);
      return { document: translate('genq_catalogues.create.not_json', { message: (err as Error).message }) };
    }
    try {
      const { data } = await dataProvider.create('catalogues', { data: document as Record<string, unknown> });
      setProblems([]);
      notify('genq_catalogues.create.created', { type: 'success', messageArgs: { id: data.id } });
      redirect('show', 'catalogues', data.id);
      return undefined;
    } catch (err) {
      const found = catalogueProblems(err);
      setProblems(found);
      return { document: translate('genq_catalogues.create.refused', { smart_count: found.length }) };
    }
  };

  return (
    <Create title="genq_catalogues.create.title">
      <SimpleForm onSubmit={onSubmit}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('genq_catalogues.create.help')}
        </Typography>
        <UploadButton />
        <TextInput
          source="document"
          label="genq_catalogues.create.document"
          multiline
          minRows={12}
          maxRows={30}
          fullWidth
          validate={required()}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
        />
        {problems.length > 0 ? (
          <Stack sx={{ width: '100%' }}>
            <Alert severity="error" data-testid="catalogue-problems">
              {translate('genq_catalogues.create.problems')}
              <List dense>
                {problems.map((p) => (
                  <ListItem key={p} disableGutters>
                    <ListItemText primary={p} />
                  </ListItem>
                ))}
              </List>
            </Alert>
          </Stack>
        ) : null}
      </SimpleForm>
    </Create>
  );
};
