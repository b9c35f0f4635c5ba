-- Takes the warehouse's writer lock on this connection, waiting up to the given seconds: 1 taken, 0 timed out, NULL error.
SELECT GET_LOCK(?, ?)
