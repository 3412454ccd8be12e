import { useState } from 'react';
import { Button, type SxProps } from '@mui/material';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useNotify, useTranslate } from 'react-admin';
import { downloadFile, type FilePath } from '../providers/apiClient';
import { reasonOf } from '../agreements/errors';

/**
 * Downloads one of the API's documents as a PDF file (issue 17). The label is a message
 * key; the button is busy while the file is made, and a refusal is said in the user's language.
 */
export const PdfButton = ({ path, filename, label, sx }: { path: FilePath; filename: string; label: string; sx?: SxProps }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(path, filename, 'application/pdf');
    } catch (err) {
      notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" size="small" startIcon={<PictureAsPdfIcon />} disabled={busy} onClick={() => void download()} sx={sx}>
      {translate(label)}
    </Button>
  );
};

const enc = encodeURIComponent;

/** Where the documents of a quarter and of a programme are served. */
export const documentPaths = {
  analysis: (quarterId: string): FilePath => `/api/quarters/${enc(quarterId)}/analysis/pdf`,
  profile: (quarterId: string): FilePath => `/api/quarters/${enc(quarterId)}/profile/pdf`,
  concept: (quarterId: string): FilePath => `/api/quarters/${enc(quarterId)}/handlungskonzept/pdf`,
  programmeReport: (programmeId: string): FilePath => `/api/programmes/${enc(programmeId)}/report/pdf`,
};
