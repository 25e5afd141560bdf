package com.conversation24.campaigns.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code EXPORTS_MODE}: {@code production} (the default) or {@code development}. Development
 * mode is for tests and a machine of one's own: the platform clock may be set by an operator, and
 * webhooks may go to http and to this machine's loopback. Nothing else differs.
 */
@ApplicationScoped
public class PlatformMode {

  public static final String KEY = "EXPORTS_MODE";

  @Inject
  @ConfigProperty(name = KEY, defaultValue = "production")
  String mode;

  public boolean production() {
    return !"development".equals(mode.strip());
  }
}
