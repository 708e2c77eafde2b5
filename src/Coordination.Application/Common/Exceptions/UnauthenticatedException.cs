namespace Coordination.Application.Common.Exceptions;

public sealed class UnauthenticatedException() : Exception("Sign in to continue.");
