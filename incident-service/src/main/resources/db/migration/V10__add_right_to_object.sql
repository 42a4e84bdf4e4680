-- An expulsion's parents are told they may object, and may do so (council answer 26); the municipality checks both.
ALTER TABLE follow_up_measure ADD COLUMN right_to_object_informed_at timestamptz;
ALTER TABLE follow_up_measure ADD COLUMN objection_lodged_on date;
