-- One database per service (the incident database is created by POSTGRES_DB).
CREATE DATABASE escalation OWNER schoolsafe;
CREATE DATABASE subsidy OWNER schoolsafe;
CREATE DATABASE knowledge OWNER schoolsafe;
