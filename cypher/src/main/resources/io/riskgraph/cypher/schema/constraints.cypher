// Uniqueness of every node key. Applied at each start; IF NOT EXISTS makes it idempotent.
CREATE CONSTRAINT enterprise_uscc IF NOT EXISTS FOR (n:Enterprise) REQUIRE n.uscc IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.person_id IS UNIQUE;
CREATE CONSTRAINT inspector_id IF NOT EXISTS FOR (n:Inspector) REQUIRE n.inspector_id IS UNIQUE;
CREATE CONSTRAINT inspection_id IF NOT EXISTS FOR (n:Inspection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sample_id IF NOT EXISTS FOR (n:Sample) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT penalty_id IF NOT EXISTS FOR (n:Penalty) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT complaint_id IF NOT EXISTS FOR (n:Complaint) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT court_record_id IF NOT EXISTS FOR (n:CourtRecord) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT segment_code IF NOT EXISTS FOR (n:Segment) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT address_key IF NOT EXISTS FOR (n:Address) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT phone_key IF NOT EXISTS FOR (n:Phone) REQUIRE n.number IS UNIQUE;
// Workflow entities (Spring Data Neo4j)
CREATE CONSTRAINT clue_id IF NOT EXISTS FOR (n:Clue) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT clue_change_id IF NOT EXISTS FOR (n:ClueChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspection_plan_id IF NOT EXISTS FOR (n:InspectionPlan) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT inspection_task_id IF NOT EXISTS FOR (n:InspectionTask) REQUIRE n.id IS UNIQUE;
