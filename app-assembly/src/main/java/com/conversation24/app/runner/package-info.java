/**
 * The run command: starts an embedded MariaDB (unless one is configured) and Payara Micro with the
 * WAR, the same way an operator runs it. Not part of the WAR.
 */
package com.conversation24.app.runner;
