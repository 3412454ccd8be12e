import type { ReactNode } from 'react';
import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Loading, Show, useRecordContext, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { asVersionRecord, isDocument, type CatalogueDocument } from './types';

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>
    {children}
  </Typography>
);

const Head = ({ labels }: { labels: string[] }) => {
  const translate = useTranslate();
  return (
    <TableHead>
      <TableRow>
        {labels.map((l) => (
          <TableCell key={l}>{translate(`genq_catalogues.columns.${l}`)}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
};

/** The whole catalogue version as readable tables: scale, thresholds, action fields with criteria, indicators. */
const CatalogueDetails = () => {
  const record = useRecordContext<CatalogueDocument & { id: string; catalogueId: string }>();
  const translate = useTranslate();
  const locale = useDateLocale();
  if (!record) return null;
  if (!isDocument(record)) return <Loading />;
  const doc = record as CatalogueDocument & { catalogueId: string };
  const number = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  const indicatorNames = Object.fromEntries(doc.indicators.map((i) => [i.id, i.name]));
  return (
    <Box sx={{ p: 2 }} data-testid="catalogue-details">
      <Typography variant="h5">{doc.title}</Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('genq_catalogues.fields.catalogueId')}: {doc.catalogueId} · {translate('genq_catalogues.fields.version')}: {doc.version}
      </Typography>
      {doc.note ? <Typography variant="body2" sx={{ mt: 1 }}>{doc.note}</Typography> : null}

      <Heading>{translate('genq_catalogues.sections.scale')}</Heading>
      <Table size="small" data-testid="catalogue-scale">
        <Head labels={['value', 'label', 'meaning']} />
        <TableBody>
          {doc.ratingScale.map((l) => (
            <TableRow key={l.value}>
              <TableCell>{number(l.value)}</TableCell>
              <TableCell>{l.label}</TableCell>
              <TableCell>{l.meaning ?? '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading>{translate('genq_catalogues.sections.thresholds')}</Heading>
      <Table size="small" data-testid="catalogue-thresholds">
        <TableBody>
          <TableRow>
            <TableCell>{translate('genq_catalogues.thresholds.strength')}</TableCell>
            <TableCell>{translate('genq_catalogues.thresholds.from', { value: number(doc.strengthThreshold) })}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{translate('genq_catalogues.thresholds.weakness')}</TableCell>
            <TableCell>{translate('genq_catalogues.thresholds.upTo', { value: number(doc.weaknessThreshold) })}</TableCell>
          </TableRow>
        </TableBody>
      </Table>

      <Heading>{translate('genq_catalogues.sections.actionFields')}</Heading>
      {doc.actionFields.map((af) => (
        <Box key={af.id} sx={{ mb: 2 }} data-testid={`action-field-${af.id}`}>
          <Typography variant="subtitle1">
            {af.id} – {af.name}
          </Typography>
          <Table size="small">
            <Head labels={['id', 'criterion', 'description', 'indicators']} />
            <TableBody>
              {af.criteria.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.id}</TableCell>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{c.description ?? '–'}</TableCell>
                  <TableCell>{c.indicators.length > 0 ? c.indicators.map((i) => indicatorNames[i] ?? i).join(', ') : '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ))}

      <Heading>{translate('genq_catalogues.sections.indicators')}</Heading>
      <Table size="small" data-testid="catalogue-indicators">
        <Head labels={['id', 'group', 'indicator', 'unit', 'kind']} />
        <TableBody>
          {doc.indicators.map((i) => (
            <TableRow key={i.id}>
              <TableCell>{i.id}</TableCell>
              <TableCell>{i.group}</TableCell>
              <TableCell>{i.name}</TableCell>
              <TableCell>{i.unit}</TableCell>
              <TableCell>{translate(`genq_catalogues.kinds.${i.kind}`, { _: i.kind })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading>{translate('genq_catalogues.sections.targetGroups')}</Heading>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {doc.targetGroups.map((g) => (
          <Chip key={g} label={g} size="small" />
        ))}
      </Stack>
      <Heading>{translate('genq_catalogues.sections.measureStatuses')}</Heading>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        {doc.measureStatuses.map((s) => (
          <Chip key={s} label={s} size="small" variant="outlined" />
        ))}
      </Stack>
    </Box>
  );
};

/** One catalogue version. The API keys the document by the catalogue; the record takes the version's id. */
export const CatalogueShow = () => (
  <Show queryOptions={{ select: (record) => asVersionRecord(record) }}>
    <CatalogueDetails />
  </Show>
);
