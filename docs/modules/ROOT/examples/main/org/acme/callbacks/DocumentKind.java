package org.acme.callbacks;

/** An application enum: a callback variable binds to it by constant name. */
public enum DocumentKind {
    INVOICE,
    CONTRACT
}
