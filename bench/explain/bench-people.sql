-- bench people leading the first k provinces (T01..Tk): subtrees of k x 314 organisations, between a province (314)
-- and the country (20,098); password hash copied from t05.lanhdao
INSERT INTO app_user (username, password_hash, display_name, enabled, created_at)
SELECT 'bench.k' || k, (SELECT password_hash FROM app_user WHERE username = 't05.lanhdao'), 'Bench ' || k || ' provinces', TRUE, now()
FROM (VALUES (4), (7), (16)) v(k);
INSERT INTO role_grant (user_id, organization_id, role, granted_at)
SELECT u.id, o.id, 'LEADER', now() FROM app_user u JOIN organization o ON o.kind = 'PROVINCE'
  AND o.code <= 'T' || lpad(substring(u.username from 8), 2, '0')
WHERE u.username LIKE 'bench.k%';
-- afterwards: DELETE FROM app_user WHERE username LIKE 'bench.k%';   (the grants go with them)
