"""The files people write: outline and theme models, loading with positions, the JSON Schemas,
`new` scaffolding, pin/exclude write-back and `check`."""
