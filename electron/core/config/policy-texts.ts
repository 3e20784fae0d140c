// What IT reads about each machine policy setting, in every language of the Group Policy templates.
// scripts/policy/generate-templates.ts writes them into the ADML files and docs/policy-reference.md;
// the terminal itself never loads them.
import type { PolicyCategory, PolicyValueName } from './machine-policy.js';
import { EN_US } from './policy-texts-en.js';
import { ZH_HK } from './policy-texts-zh-hk.js';

/** The ADML languages (their folder names beside the ADMX). */
export const TEMPLATE_LANGUAGES = ['en-US', 'zh-HK'] as const;
/** An ADML language. */
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/**
 * One setting's texts. `explain` may use {{min}}, {{max}}, {{maxLength}}, {{maxItems}} and
 * {{values}}, filled in from the schema's checks so a range is written in one place only.
 */
export interface PolicyFieldText {
  name: string;
  explain: string;
  /** What applies when the setting is not configured. */
  notConfigured: string;
  /** The label of the setting's box in the Group Policy editor. */
  label: string;
  /** For enums: each item's label. */
  items?: Readonly<Record<string, string>>;
  /** For restricting settings: what their most restrictive value means. */
  whenInvalid?: string;
}

/** Every text of one template language. */
export interface TemplateTexts {
  displayName: string;
  description: string;
  /** The root category (the product). */
  root: string;
  /** "Supported on"; {{version}} is the first terminal version that reads the setting. */
  supportedOn: string;
  categories: Readonly<Record<PolicyCategory, string>>;
  /** Appended to a restricting setting's explanation; {{whenInvalid}} is its own text. */
  restrictingNote: string;
  /** Appended to a harmless setting's explanation. */
  harmlessNote: string;
  fields: Readonly<Record<PolicyValueName, PolicyFieldText>>;
}

/** The template texts by language. */
export const POLICY_TEXTS: Readonly<Record<TemplateLanguage, TemplateTexts>> = {
  'en-US': EN_US,
  'zh-HK': ZH_HK,
};
