-- An administrator can take a board or partner entered by mistake out of the register, with a reason.
ALTER TABLE board ADD COLUMN retired_at timestamptz, ADD COLUMN retired_reason text;
ALTER TABLE partner ADD COLUMN retired_at timestamptz, ADD COLUMN retired_reason text;
