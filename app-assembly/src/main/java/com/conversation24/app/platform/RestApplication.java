package com.conversation24.app.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All JAX-RS resources of all modules live under {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {}
