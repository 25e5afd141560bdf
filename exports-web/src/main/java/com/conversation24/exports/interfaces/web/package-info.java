/** The console's servlets and Faces pages (PrimeFaces). */
package com.conversation24.exports.interfaces.web;
