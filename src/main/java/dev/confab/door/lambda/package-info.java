/** The AWS Lambda door: API Gateway v1/v2 and Function URL events through FunctionInvoker. */
package dev.confab.door.lambda;
