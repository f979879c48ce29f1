-- Response teams (issue 12): the foreign keys V102 could not declare. On a fresh database V102 runs before V116
-- creates response_team_member, so the members who left (response_team_member_end) and the certificate files
-- (response_team_certificate) were written without a key to their member. Rows whose member no longer exists cannot
-- be reached by any page, API or report (every read joins the member), so they are removed first; then the keys
-- make such rows impossible and remove a member's end and files with the member (as its skills and shifts already
-- are). Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15.
DELETE FROM response_team_member_end
WHERE NOT EXISTS (SELECT 1 FROM response_team_member m WHERE m.id = response_team_member_end.member_id);

DELETE FROM response_team_certificate
WHERE NOT EXISTS (SELECT 1 FROM response_team_member m WHERE m.id = response_team_certificate.member_id);

ALTER TABLE response_team_member_end
    ADD CONSTRAINT fk_response_team_member_end_member FOREIGN KEY (member_id)
        REFERENCES response_team_member (id) ON DELETE CASCADE;

ALTER TABLE response_team_certificate
    ADD CONSTRAINT fk_response_team_certificate_member FOREIGN KEY (member_id)
        REFERENCES response_team_member (id) ON DELETE CASCADE;
