-- One account per username and facility, even when two pushes commit at the same moment.
CREATE UNIQUE INDEX sync_documents_staff_username
  ON sync_documents (scope, (body->>'username'))
  WHERE collection = 'staff';
