/** Use cases of the campaign directory: keeping its facts as events are accepted or replayed. */
package com.conversation24.campaigns.application;
