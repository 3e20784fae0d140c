// The machine policy as the templates describe it: each field of the zod schema with its metadata,
// the ranges its checks set, and its texts in every template language, placeholders filled in.
import * as z from 'zod';
import { POLICY_CATEGORIES } from '../../electron/core/config/machine-policy.js';
import { policyFields, type PolicyField } from '../../electron/core/config/policy-fields.js';
import {
  POLICY_TEXTS,
  TEMPLATE_LANGUAGES,
  type TemplateLanguage,
} from '../../electron/core/config/policy-texts.js';

/** What the schema's checks say about a field. */
export interface FieldFacts {
  min?: number;
  max?: number;
  maxLength?: number;
  maxItems?: number;
  /** The allowed values of an enum, or of a list's entries. */
  values?: string[];
}

/** A field's texts in one language, ready to write. */
export interface FieldTexts {
  name: string;
  /** The explanation with what applies when not configured and when the value is not valid. */
  explain: string;
  label: string;
  notConfigured: string;
  items: Record<string, string>;
}

/** One policy of the templates. */
export interface PolicyModel {
  field: PolicyField;
  /** The ADMX policy name: the registry value name. */
  name: string;
  facts: FieldFacts;
  texts: Record<TemplateLanguage, FieldTexts>;
}

interface JsonSchema {
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  enum?: string[];
  items?: JsonSchema;
}

/** The ranges and values the zod checks of a field set. */
export function factsOf(field: PolicyField): FieldFacts {
  const js = z.toJSONSchema(field.schema) as JsonSchema;
  const values = js.enum ?? js.items?.enum;
  return {
    ...(js.minimum !== undefined && { min: js.minimum }),
    ...(js.maximum !== undefined && { max: js.maximum }),
    ...(js.maxLength !== undefined && { maxLength: js.maxLength }),
    ...(js.maxItems !== undefined && { maxItems: js.maxItems }),
    ...(values && { values: [...values] }),
  };
}

/** A value as the texts show it. */
export function showValue(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}

/** Fills `{{name}}` placeholders; a placeholder without a value is a mistake in the texts. */
export function fill(
  text: string,
  vars: Record<string, string | undefined>,
  where: string,
): string {
  return text.replace(/{{(\w+)}}/g, (_, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`${where}: {{${key}}} has no value`);
    return v;
  });
}

function textsOf(field: PolicyField, facts: FieldFacts, lang: TemplateLanguage): FieldTexts {
  const all = POLICY_TEXTS[lang];
  const t = all.fields[field.meta.valueName];
  const where = `${lang} ${field.meta.valueName}`;
  const vars = {
    min: facts.min?.toString(),
    max: facts.max?.toString(),
    maxLength: facts.maxLength?.toString(),
    maxItems: facts.maxItems?.toString(),
    values: facts.values?.join(', '),
    mostRestrictive: field.meta.restricting ? showValue(field.meta.mostRestrictive) : undefined,
  };
  if (field.meta.restricting !== (t.whenInvalid !== undefined))
    throw new Error(`${where}: whenInvalid is for restricting settings, and only for them`);
  const note = t.whenInvalid
    ? fill(all.restrictingNote, { whenInvalid: fill(t.whenInvalid, vars, where) }, where)
    : all.harmlessNote;
  const enumValues = field.kind === 'enum' ? (facts.values ?? []) : [];
  const items = Object.fromEntries(enumValues.map((v) => [v, t.items?.[v]]));
  if (
    Object.values(items).some((v) => v === undefined) ||
    Object.keys(t.items ?? {}).length !== enumValues.length
  )
    throw new Error(`${where}: the item labels do not match the values ${enumValues.join(', ')}`);
  const notConfigured = fill(t.notConfigured, vars, where);
  return {
    name: t.name,
    explain: [fill(t.explain, vars, where), notConfigured, note].join('\n\n'),
    label: t.label,
    notConfigured,
    items: items as Record<string, string>,
  };
}

/** Every policy, by category in their order, then in schema order. */
export function policyModel(): PolicyModel[] {
  return POLICY_CATEGORIES.flatMap((category) =>
    policyFields()
      .filter((f) => f.meta.category === category)
      .map((field) => {
        const facts = factsOf(field);
        const texts = Object.fromEntries(
          TEMPLATE_LANGUAGES.map((lang) => [lang, textsOf(field, facts, lang)]),
        ) as Record<TemplateLanguage, FieldTexts>;
        return { field, name: field.meta.valueName, facts, texts };
      }),
  );
}

/** The "supported on" definition name of a terminal version, e.g. SUPPORTED_CCMS_TERMINAL_0_1. */
export const supportedOnName = (since: string) =>
  `SUPPORTED_CCMS_TERMINAL_${since.replace(/\./g, '_')}`;
/** The string id of a category. */
export const categoryName = (category: string) => `CcmsTerminal_${category}`;
/** The root category's name and string id. */
export const ROOT_CATEGORY = 'CcmsTerminal';
