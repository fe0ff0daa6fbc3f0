import {
  DEFAULT_STAGE_LIST,
  persona,
  study,
  studyPrivacy,
  type Persona,
  type Study,
  type StudyPrivacy,
} from '../model';
import { alwaysMaskPattern } from '../page-agent/personal-data';
import { db } from './database';

export interface NewStudy {
  name: string;
  company: string;
  siteUrl: string;
  description?: string;
}

export async function createStudy(input: NewStudy, now = Date.now()): Promise<Study> {
  const record = study.parse({
    id: crypto.randomUUID(),
    name: input.name.trim(),
    company: input.company.trim(),
    siteUrls: input.siteUrl.trim() ? [input.siteUrl.trim()] : [],
    description: input.description?.trim() ?? '',
    stages: DEFAULT_STAGE_LIST,
    promises: [],
    createdAt: now,
    updatedAt: now,
  });
  await db.studies.add(record);
  return record;
}

export interface NewPersona {
  studyId: string;
  name: string;
  summary: string;
  goals: string[];
  frustrations?: string[];
  behaviours?: string[];
}

export async function createPersona(input: NewPersona): Promise<Persona> {
  const record = persona.parse({
    id: crypto.randomUUID(),
    studyId: input.studyId,
    name: input.name.trim(),
    summary: input.summary.trim(),
    goals: cleanList(input.goals),
    frustrations: cleanList(input.frustrations ?? []),
    behaviours: cleanList(input.behaviours ?? []),
  });
  if (!(await db.studies.get(input.studyId))) throw new Error('The study of this persona no longer exists.');
  await db.personas.add(record);
  return record;
}

/** Splits a multi-line text field into list items, dropping empty lines. */
export function splitLines(value: string): string[] {
  return cleanList(value.split('\n'));
}

function cleanList(items: string[]): string[] {
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

export function listStudies(): Promise<Study[]> {
  return db.studies.orderBy('updatedAt').reverse().toArray();
}

export function listPersonas(studyId: string): Promise<Persona[]> {
  return db.personas.where({ studyId }).sortBy('name');
}

/** Sets the study's allow-list of fields shown unmasked; every selector must be valid CSS. */
export async function setMaskAllowList(studyId: string, selectors: string[], isValid: (selector: string) => boolean) {
  const cleaned = cleanList(selectors);
  const invalid = cleaned.filter((selector) => !isValid(selector));
  if (invalid.length > 0) throw new Error(`Not a valid CSS selector: ${invalid.join(', ')}`);
  await db.studies.update(studyId, { maskAllowList: cleaned, updatedAt: Date.now() });
}

/** A change to a study's privacy settings: some of them, or a function of the stored ones. */
export type PrivacyChange = Partial<StudyPrivacy> | ((stored: StudyPrivacy) => Partial<StudyPrivacy>);

/**
 * Changes what the study's screenshots hide; returns the settings as stored. "Always mask"
 * entries are trimmed, empty and repeated ones dropped; an entry that cannot become a pattern
 * refuses the whole change, with the reason.
 */
export async function updateStudyPrivacy(studyId: string, change: PrivacyChange): Promise<StudyPrivacy> {
  return db.transaction('rw', db.studies, async () => {
    const current = await db.studies.get(studyId);
    if (!current) throw new Error('This study no longer exists.');
    const next = { ...current.privacy, ...(typeof change === 'function' ? change(current.privacy) : change) };
    const alwaysMask = [...new Set(cleanList(next.alwaysMask))];
    for (const entry of alwaysMask) {
      const pattern = alwaysMaskPattern(entry);
      if (pattern instanceof Error) throw pattern;
    }
    const privacy = studyPrivacy.parse({ ...next, alwaysMask });
    await db.studies.update(studyId, { privacy, updatedAt: Date.now() });
    return privacy;
  });
}
