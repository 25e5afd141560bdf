package com.conversation24.app.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The one deployment builder: the WAR exactly as built for production (black-box tests). */
public final class Deployments {

  private Deployments() {}

  public static WebArchive application() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class, new File(System.getProperty("exports.war", "target/exports.war")));
  }
}
