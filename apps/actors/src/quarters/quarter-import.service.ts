import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { In, type Repository } from 'typeorm';
import {
  QUARTER_IMPORT_COLUMNS,
  QUARTER_IMPORT_MAX_ROWS,
  QUARTER_IMPORT_REQUIRED_COLUMNS,
  parseCsv,
  parseDate,
  startsLikeFormula,
  type Actor,
  type FieldProblemInput,
  type ImportQuartersCommand,
  type ImportedQuarter,
  type NewDomainEvent,
  type ProgrammeDto,
  type QuarterImportColumn,
  type QuarterImportResult,
} from '@genq/contracts';
import { CreateQuarterDto } from '@genq/dto';
import { fieldProblems, invalidFields, isUniqueViolation, problem, readWorkbookRows, recordEvents, requireActor } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { ProgrammesService } from '../programmes/programmes.service';
import { requireRole } from '../scope/actor';
import { Quarter } from './entities/quarter.entity';
import { QuarterOrganisationNames, type QuarterOrganisationIds } from '../organisations/organisation-names';
import { naturalKeyOf, newQuarterRow, registeredEvent, sameRegistration, toQuarterDto } from './quarters.service';

/** Rows per INSERT: far below the bound variables SQLite and PostgreSQL allow in one statement. */
const CHUNK = 200;

/** A row that passed every check, with the registration it stands for. */
interface CheckedRow {
  line: number;
  dto: CreateQuarterDto & QuarterOrganisationIds;
  naturalKey: string;
}

/** Where a field of the registration sits in the file: the start position is two columns. */
function columnOf(field: string): string {
  if (field === 'startAt' || field === 'startAt.phase') return 'startPhase';
  if (field === 'startAt.stepKey') return 'startStepKey';
  return field;
}

/**
 * Bulk admission of quarters from a CSV or Excel file (issue 16). All or nothing: every row
 * is checked first, each problem is reported under `rows.<line>.<column>`, and nothing is
 * written while any row is invalid. Then every new quarter, its `quarter.registered` event and
 * its audit entry commit in one transaction; the worker starts the lifecycle workflows from
 * the events at its own pace, as for a single registration. A row whose quarter was admitted
 * before (the same file again) is reported as existing and changes nothing.
 */
@Injectable()
export class QuarterImportService {
  constructor(
    @InjectRepository(Quarter) private readonly quarters: Repository<Quarter>,
    private readonly programmes: ProgrammesService,
    private readonly audit: AuditService,
  ) {}

  async import(cmd: ImportQuartersCommand): Promise<QuarterImportResult> {
    const actor = requireActor(cmd.actor);
    requireRole(actor, ['programme_admin']);
    const { rows, file } = await this.rowsOf(cmd);
    try {
      return await this.importRows(actor, rows, file);
    } catch (err) {
      // Another request admitted one of these quarters meanwhile: read again, it is now an existing one.
      if (!isUniqueViolation(err)) throw err;
      return this.importRows(actor, rows, file);
    }
  }

  private async rowsOf(cmd: ImportQuartersCommand): Promise<{ rows: string[][]; file: 'csv' | 'xlsx' }> {
    if (typeof cmd.xlsxBase64 === 'string') {
      try {
        return { rows: await readWorkbookRows(Buffer.from(cmd.xlsxBase64, 'base64')), file: 'xlsx' };
      } catch {
        throw invalidFields({ field: 'xlsx', code: 'import.not_xlsx' });
      }
    }
    if (typeof cmd.csv !== 'string' || cmd.csv.trim() === '') throw invalidFields({ field: 'csv', code: 'import.file_empty' });
    return { rows: parseCsv(cmd.csv).rows, file: 'csv' };
  }

  private async importRows(actor: Actor, rows: string[][], file: 'csv' | 'xlsx'): Promise<QuarterImportResult> {
    // Headers as in the template; their case and surrounding blanks do not matter.
    const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
    const missing = QUARTER_IMPORT_REQUIRED_COLUMNS.filter((c) => !header.includes(c.toLowerCase()));
    if (missing.length > 0) throw invalidFields({ field: file, code: 'import.columns_missing', params: { columns: missing.join(', ') } });
    const index = new Map(QUARTER_IMPORT_COLUMNS.map((c) => [c, header.indexOf(c.toLowerCase())]));
    const cell = (row: string[], column: QuarterImportColumn): string => {
      const i = index.get(column) ?? -1;
      return i < 0 ? '' : (row[i] ?? '').trim();
    };
    const body = rows
      .map((row, i) => ({ row, line: i + 1 }))
      .slice(1)
      .filter(({ row }) => row.some((c) => c.trim() !== ''));
    if (body.length > QUARTER_IMPORT_MAX_ROWS) throw invalidFields({ field: file, code: 'import.too_many_rows', params: { max: QUARTER_IMPORT_MAX_ROWS } });
    if (body.length === 0) throw invalidFields({ field: file, code: 'quarter_import.no_rows' });

    const programmes = await this.programmesInScope(actor, body.map(({ row }) => cell(row, 'programmeId')));
    const errors: FieldProblemInput[] = [];
    const invalid = new Set<number>();
    const warnings: QuarterImportResult['warnings'] = [];
    const checked: CheckedRow[] = [];
    const firstLine = new Map<string, number>();
    const valid: Array<{ line: number; typed: CreateQuarterDto }> = [];
    const now = Date.now();
    const refuse = (line: number, problems: FieldProblemInput[]) => {
      for (const p of problems) errors.push({ ...p, field: `rows.${line}.${columnOf(p.field)}` });
      if (problems.length > 0) invalid.add(line);
    };

    for (const { row, line } of body) {
      const text = (column: QuarterImportColumn) => cell(row, column) || undefined;
      const startPhase = text('startPhase');
      const startStepKey = text('startStepKey');
      const startedAt = text('startedAt');
      const plain = {
        name: cell(row, 'name'),
        municipality: cell(row, 'municipality'),
        ...(text('kreis') ? { kreis: text('kreis') } : {}),
        land: cell(row, 'land'),
        housingCompany: cell(row, 'housingCompany'),
        programmeId: cell(row, 'programmeId'),
        ...(startedAt ? { startedAt: parseDate(startedAt) } : {}),
        ...(startPhase || startStepKey ? { startAt: { phase: startPhase, ...(startStepKey ? { stepKey: startStepKey } : {}) } } : {}),
      };
      // Texts are stored as typed; one a spreadsheet would run (CSV injection) is named, and every export defuses it.
      for (const column of ['name', 'municipality', 'kreis', 'housingCompany'] as const) {
        if (startsLikeFormula(cell(row, column))) warnings.push({ field: `rows.${line}.${column}`, code: 'spreadsheet.formula_cell' });
      }
      const typed = plainToInstance(CreateQuarterDto, plain);
      const problems = fieldProblems(validateSync(typed, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: true, value: true } }));
      const fields = new Set(problems.map((p) => p.field));
      if (!fields.has('programmeId') && !programmes.has(plain.programmeId)) {
        problems.push({ field: 'programmeId', code: 'programme.unknown', params: { id: plain.programmeId } });
      }
      if (!fields.has('startedAt') && plain.startedAt && new Date(plain.startedAt).getTime() > now + 60_000) {
        problems.push({ field: 'startedAt', code: 'date.in_future' });
      }
      if (problems.length > 0) {
        refuse(line, problems);
        continue;
      }
      valid.push({ line, typed });
    }

    // A municipality or housing company registered as an organisation takes its registered
    // spelling and its id: one look-up for the distinct names of the whole file.
    const names = await QuarterOrganisationNames.lookUp(this.quarters.manager, valid.map((v) => v.typed));
    for (const { line, typed } of valid) {
      const dto = names.apply(typed);
      const naturalKey = naturalKeyOf(dto);
      const first = firstLine.get(naturalKey);
      if (first !== undefined) {
        refuse(line, [{ field: 'name', code: 'quarter_import.duplicate_row', params: { row: first } }]);
        continue;
      }
      firstLine.set(naturalKey, line);
      checked.push({ line, dto, naturalKey });
    }

    // What is there already: the same quarter is an existing one, another under its name a conflict.
    const existing = new Map<string, Quarter>();
    for (let i = 0; i < checked.length; i += CHUNK) {
      const keys = checked.slice(i, i + CHUNK).map((c) => c.naturalKey);
      for (const q of await this.quarters.findBy({ naturalKey: In(keys) })) existing.set(q.naturalKey, q);
    }
    for (const c of checked) {
      const before = existing.get(c.naturalKey);
      if (before && !sameRegistration(before, c.dto)) refuse(c.line, [{ field: 'name', code: 'quarter.name_taken' }]);
    }
    if (errors.length > 0) throw problem('import.rows_invalid', { count: invalid.size }, errors);

    const fresh = checked.filter((c) => !existing.has(c.naturalKey));
    const created = new Map<string, Quarter>();
    if (fresh.length > 0) {
      await this.quarters.manager.transaction(async (em) => {
        const at = new Date();
        const entities = fresh.map((c) => this.quarters.create(newQuarter(c, at)));
        // updateEntity(false): TypeORM would read the rows back and merge them into the entities by
        // position, which on SQLite need not be the order they were inserted in (it mixed ids up);
        // every column is set here, so there is nothing to read back.
        for (let i = 0; i < entities.length; i += CHUNK) {
          await em.createQueryBuilder().insert().into(Quarter).values(entities.slice(i, i + CHUNK)).updateEntity(false).execute();
        }
        const events: NewDomainEvent[] = entities.map((q) => registeredEvent(q, programmes.get(q.programmeId)!));
        for (let i = 0; i < events.length; i += CHUNK) await recordEvents(em, 'actors', events.slice(i, i + CHUNK));
        await this.audit.recordChanges(
          em,
          entities.map((q) => ({
            action: 'quarter.create',
            resourceType: 'quarter',
            resourceId: q.id,
            programmeId: q.programmeId,
            quarterId: q.id,
            reason: 'import',
            before: null,
            after: toQuarterDto(q),
          })),
        );
        for (const q of entities) created.set(q.naturalKey, q);
      });
    }

    const quarters: ImportedQuarter[] = checked.map((c) => {
      const q = (created.get(c.naturalKey) ?? existing.get(c.naturalKey))!;
      return { line: c.line, id: q.id, name: q.name, municipality: q.municipality, programmeId: q.programmeId, created: created.has(c.naturalKey) };
    });
    return { rows: checked.length, created: created.size, existing: checked.length - created.size, quarters, warnings };
  }

  /** The programmes the file names that exist and lie in the actor's scope (another office's reads like none). */
  private async programmesInScope(actor: Actor, ids: string[]): Promise<Map<string, ProgrammeDto>> {
    const wanted = [...new Set(ids)].filter((id) => id !== '' && actor.programmeIds.includes(id));
    const found = new Map<string, ProgrammeDto>();
    for (const id of wanted) {
      const p = await this.programmes.find(id);
      if (p) found.set(id, p);
    }
    return found;
  }
}

function newQuarter(c: CheckedRow, at: Date): Partial<Quarter> {
  const { dto } = c;
  return { ...newQuarterRow(dto, c.naturalKey, dto.startedAt ? new Date(dto.startedAt) : at), createdAt: at, updatedAt: at };
}
