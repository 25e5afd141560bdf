/** HTTP edge of the kernel: posting event batches; the operators' rebuild of the log. */
package com.conversation24.campaigns.ingest.interfaces;
