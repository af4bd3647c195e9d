-- The day a speech was given or a report issued. The extractor reads it to tell a result of a
-- period already over ("一季度新开工项目20个" in May) from a commitment (the same words in January).
-- Optional: older documents, and texts whose date is in their own first lines, have none.
ALTER TABLE supervision_documents ADD COLUMN issued_on date;
