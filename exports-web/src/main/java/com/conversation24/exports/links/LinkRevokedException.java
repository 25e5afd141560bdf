package com.conversation24.exports.links;

/** A revoked link cannot be rotated back to life; create a new one. The REST edge answers 409. */
public final class LinkRevokedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LinkRevokedException(long id) {
    super("public link " + id + " is revoked; create a new one");
  }
}
