/** Kysely table types of 住民のオンライン相談 (public submissions). Keep in step with migrations/. */
import type { ColumnType } from 'kysely';
import type { Opt, Timestamp, Version } from './schema.js';

export type PublicLanguage = 'ja-easy' | 'en';
export type PublicContactMethod = 'phone' | 'email' | 'none';

export interface PublicIntakeSettingTable {
  municipality_id: string;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  designated_agency_id: string;
  system_user_id: string;
  updated_by_user_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface PublicSubmissionTable {
  municipality_id: string;
  submission_id: string;
  reference_number: string;
  received_at: Timestamp;
  language: PublicLanguage;
  client_hash: string;
  form_nonce: string;
  consultation_id: string;
  agency_id: string;
  contact_method: PublicContactMethod;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PublicIntakeTables {
  public_intake_setting: PublicIntakeSettingTable;
  public_submission: PublicSubmissionTable;
}
