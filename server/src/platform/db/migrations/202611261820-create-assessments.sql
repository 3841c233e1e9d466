-- インテーク・アセスメント: sectioned check-box questions from municipal configuration.
-- A question set is versioned: rows are never updated, a change publishes a new version, and each
-- assessment pins the version it was answered against, so old answers render as they were asked.

CREATE TABLE assessment_question_set (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  question_set_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  version integer NOT NULL CHECK (version >= 1),
  title text NOT NULL,
  definition jsonb NOT NULL,                   -- { sections: [{ code, title, questions: [...] }] }
  published_at timestamptz NOT NULL,
  published_by_user_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, question_set_id),
  UNIQUE (municipality_id, code, version),
  FOREIGN KEY (municipality_id, published_by_user_id) REFERENCES app_user (municipality_id, user_id)
);

-- Configuration history is kept as published: no one edits or removes a version in place.
CREATE FUNCTION assessment_question_set_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'assessment_question_set rows are immutable: publish a new version instead';
END;
$$;
CREATE TRIGGER assessment_question_set_no_update BEFORE UPDATE OR DELETE ON assessment_question_set
  FOR EACH ROW EXECUTE FUNCTION assessment_question_set_immutable();

-- One assessment per consultation; re-assessment updates it under optimistic concurrency.
CREATE TABLE assessment (
  municipality_id uuid NOT NULL,
  assessment_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  question_set_id uuid NOT NULL,               -- pins the version answered
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,  -- { [questionCode]: boolean | string | string[] }
  assessed_on date NOT NULL,
  author_agency_id uuid NOT NULL,
  author_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, assessment_id),
  UNIQUE (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultation (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, question_set_id) REFERENCES assessment_question_set (municipality_id, question_set_id),
  FOREIGN KEY (municipality_id, author_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, author_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX assessment_by_question_set ON assessment (municipality_id, question_set_id);
