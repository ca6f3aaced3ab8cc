"""The server's caps on one request, stated once: the upload reader enforces them, the API's
schema (``models.CheckForm``) and its documented refusals (``app``) name them.  Plain
numbers, so the schema can be made without the server's packages."""

MAX_BODY = 16 * 1024 * 1024  # bytes in one request
MAX_FILES = 500  # files in one request
MAX_FIELD = 64 * 1024  # bytes in one text field (a list of closed days is the longest)
MAX_FIELDS = 200  # text fields in one request
