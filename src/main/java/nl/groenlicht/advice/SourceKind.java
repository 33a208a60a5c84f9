package nl.groenlicht.advice;

/**
 * Who wrote a source: the body that runs the scheme or makes the rule (UWV, the tax authority, the government, the
 * municipality, the training's own provider), or anyone else reporting on it.
 */
enum SourceKind {
    PRIMARY, SECONDARY
}
