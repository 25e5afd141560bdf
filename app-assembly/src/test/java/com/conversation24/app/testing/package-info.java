/**
 * What every container test shares: the database (environment, else Testcontainers, else an
 * embedded MariaDB), the deployment of the built WAR, and an HTTP client for the API.
 */
package com.conversation24.app.testing;
