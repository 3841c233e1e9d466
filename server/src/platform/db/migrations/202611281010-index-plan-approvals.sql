-- 見える化 (多機関協働): plan versions approved in a period were found by reading every version of the
-- municipality (about 110,000 at a million persons). Approved versions by day, with the plan for the
-- agency filter's join.
CREATE INDEX support_plan_version_by_approval ON support_plan_version (municipality_id, approved_on) INCLUDE (plan_id)
  WHERE approved_on IS NOT NULL;
