import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError, forbidden, notSignedIn } from './errors.js';
import type { PublicContext } from '../graphql/request-context.js';

/**
 * Who may call an operation. Every query, mutation and HTTP route declares one; the global
 * AccessGuard refuses anything that does not (deny by default). Relationship checks (my report,
 * my mentee) are made by services, on top of these.
 */
export type AccessRule = 'public' | 'signedIn' | 'leadership' | 'admin';

export const ACCESS_RULE = 'trellis:access-rule';
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(execution: ExecutionContext): boolean {
    const rule = this.reflector.get<AccessRule | undefined>(ACCESS_RULE, execution.getHandler());
    if (!rule) {
      throw new AppError('FORBIDDEN', `${execution.getClass().name}.${execution.getHandler().name} declares no access rule.`);
    }
    if (rule === 'public') return true;
    if (execution.getType<string>() !== 'graphql') throw forbidden('call this');
    const { session } = GqlExecutionContext.create(execution).getContext<PublicContext>();
    if (!session) throw notSignedIn();
    if (rule === 'admin' && session.accessRole !== 'admin') throw forbidden('do this: it needs admin rights');
    if (rule === 'leadership' && session.accessRole === 'employee') {
      throw forbidden('see this: it needs leadership or admin rights');
    }
    return true;
  }
}
