import { useState } from 'react';
import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Fact, StepPanel, StepSubmit, useStepSubmit } from '../actors/StepForm';
import { useFormat } from '../agreements/format';
import { analysisApi, type Analysis, type Profile } from './api';

const S = 'genq_steps.strategy_workshop';

/**
 * "Strategieworkshop": once the analysis is submitted, the partners set priorities on the
 * Stärken-Schwächen-Profil, whole action fields or single criteria (the weak ones offered);
 * recording them completes the step (the process hears of it through the event stream).
 * Recorded priorities are shown by name.
 */
export const StrategyWorkshopPanel = ({
  quarterId,
  analysis,
  profile,
  criterionNames,
  mayWrite,
  onSaved,
}: {
  quarterId: string;
  analysis: Analysis;
  profile: Profile;
  criterionNames: Record<string, string>;
  mayWrite: boolean;
  onSaved: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const format = useFormat();
  const { errors, refusal, busy, submit } = useStepSubmit(`${S}.saved`);
  const [chosen, setChosen] = useState<string[]>([]);
  const [nothingChosen, setNothingChosen] = useState(false);
  const fields = Object.fromEntries(profile.actionFields.map((f) => [f.actionFieldId, f.name]));
  const name = (id: string) => `${id} – ${fields[id] ?? criterionNames[id] ?? id}`;

  if (analysis.priorities && analysis.priorities.length > 0) {
    return (
      <StepPanel title={translate(`${S}.title`)} testId="strategy-workshop-panel">
        <Fact label={translate(`${S}.priorities`)}>
          <span data-testid="strategy-priorities">{analysis.priorities.map(name).join(' · ')}</span>
        </Fact>
        <Fact label={translate(`${S}.recorded_on`)}>{format.date(analysis.prioritiesRecordedAt)}</Fact>
      </StepPanel>
    );
  }
  if (!mayWrite) {
    return (
      <StepPanel title={translate(`${S}.title`)} testId="strategy-workshop-panel">
        <Typography variant="body2" color="text.secondary">
          {translate(`${S}.none`)}
        </Typography>
      </StepPanel>
    );
  }
  const weak = profile.actionFields.flatMap((f) => f.weaknesses);
  const toggle = (id: string) => {
    setNothingChosen(false);
    setChosen(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  };
  // At least one priority: said here, before any request.
  const save = () => {
    if (chosen.length === 0) setNothingChosen(true);
    else void submit(() => analysisApi.recordPriorities(quarterId, chosen), onSaved);
  };
  const problem = nothingChosen ? translate(`${S}.nothing_chosen`) : errors.priorities;
  const choice = (id: string) => <FormControlLabel key={id} control={<Checkbox checked={chosen.includes(id)} onChange={() => toggle(id)} />} label={name(id)} />;

  return (
    <StepPanel title={translate(`${S}.title`)} testId="strategy-workshop-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${S}.intro`)}
      </Typography>
      <Stack spacing={2} data-testid="strategy-workshop-form">
        <FormControl error={!!problem} component="fieldset" variant="standard">
          <FormLabel component="legend">{translate(`${S}.action_fields`)}</FormLabel>
          <FormGroup>{profile.actionFields.map((f) => choice(f.actionFieldId))}</FormGroup>
          {weak.length > 0 && (
            <>
              <FormLabel component="legend" sx={{ mt: 1 }}>
                {translate(`${S}.weak_criteria`)}
              </FormLabel>
              <FormGroup>{weak.map(choice)}</FormGroup>
            </>
          )}
          {problem && <FormHelperText data-testid="strategy-workshop-problem">{problem}</FormHelperText>}
        </FormControl>
        <StepSubmit
          label={translate(`${S}.submit`)}
          refusal={refusal}
          refusalTestId="strategy-workshop-refusal"
          busy={busy}
          onClick={save}
        />
      </Stack>
    </StepPanel>
  );
};
