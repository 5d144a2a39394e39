"""Output formats. Renderers import only the model: they show what the audit holds."""
