"""Messages: emails, text messages and letters, sent from an outbox written in the same
transaction as what they confirm."""
