"""Reading articles in: files and web pages to text, metadata and cleaned body."""
