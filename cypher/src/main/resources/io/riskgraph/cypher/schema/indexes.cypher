// Lookups analysts and the API make by something other than the key.
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
CREATE INDEX enterprise_district IF NOT EXISTS FOR (n:Enterprise) ON (n.district);
CREATE INDEX enterprise_status IF NOT EXISTS FOR (n:Enterprise) ON (n.status);
CREATE INDEX enterprise_stub IF NOT EXISTS FOR (n:Enterprise) ON (n.stub);
CREATE INDEX person_id_hash IF NOT EXISTS FOR (n:Person) ON (n.id_number_hash);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX inspection_date IF NOT EXISTS FOR (n:Inspection) ON (n.date);
CREATE INDEX sample_date IF NOT EXISTS FOR (n:Sample) ON (n.date);
CREATE INDEX penalty_date IF NOT EXISTS FOR (n:Penalty) ON (n.date);
// Clue list filters
CREATE INDEX clue_status IF NOT EXISTS FOR (n:Clue) ON (n.status);
CREATE INDEX clue_rule IF NOT EXISTS FOR (n:Clue) ON (n.rule);
CREATE INDEX clue_uscc IF NOT EXISTS FOR (n:Clue) ON (n.uscc);
CREATE INDEX clue_segment IF NOT EXISTS FOR (n:Clue) ON (n.segment);
// Inspection planning: tasks by plan and status, results matched to tasks by inspection code
CREATE INDEX inspection_code IF NOT EXISTS FOR (n:Inspection) ON (n.code);
CREATE INDEX inspection_task_plan IF NOT EXISTS FOR (n:InspectionTask) ON (n.plan_id);
CREATE INDEX inspection_task_status IF NOT EXISTS FOR (n:InspectionTask) ON (n.status);
CREATE INDEX inspection_plan_period IF NOT EXISTS FOR (n:InspectionPlan) ON (n.period);
