-- Staff sessions are stored under the SHA-256 of their id (issue 16, L-6), so that reading http_session does not give
-- anyone a logged-in session. Sessions stored under the plain id would never be found again: staff log in once more.
DELETE FROM http_session;
