import * as connections from './connections.ts';
import * as connectors from './connectors.ts';
import type { StoreContext } from './context.ts';
import * as keys from './keys.ts';
import * as oauthStates from './oauth-states.ts';
import * as subscriptions from './subscriptions.ts';
import * as events from './trigger-events.ts';
import type { Store } from './types.ts';
import * as users from './users.ts';

/** The `Store` over a migrated engine; the repository functions are shared by both engines. */
export function createStore(ctx: StoreContext): Store {
  let closed: Promise<void> | undefined;
  return {
    engine: ctx.engine.name,
    createUser: (name, role) => users.createUser(ctx, name, role),
    getUser: (id) => users.getUser(ctx, id),
    listUsers: () => users.listUsers(ctx),
    countUsers: () => users.countUsers(ctx),
    updateUser: (id, patch) => users.updateUser(ctx, id, patch),
    createToken: (userId, name, options) => users.createToken(ctx, userId, name, options),
    verifyToken: (token) => users.verifyToken(ctx, token),
    listTokens: (userId) => users.listTokens(ctx, userId),
    revokeToken: (tokenId, userId) => users.revokeToken(ctx, tokenId, userId),
    putConnector: (input) => connectors.putConnector(ctx, input),
    getConnector: (id) => connectors.getConnector(ctx, id),
    listConnectors: () => connectors.listConnectors(ctx),
    getConnectorVersion: (id, version) => connectors.getConnectorVersion(ctx, id, version),
    listConnectorVersions: (id) => connectors.listConnectorVersions(ctx, id),
    deleteConnector: (id) => connectors.deleteConnector(ctx, id),
    createConnection: (input) => connections.createConnection(ctx, input),
    getConnection: (id, ownerId) => connections.getConnection(ctx, id, ownerId),
    listConnections: (ownerId, connectorId) => connections.listConnections(ctx, ownerId, connectorId),
    updateConnection: (id, ownerId, patch) => connections.updateConnection(ctx, id, ownerId, patch),
    deleteConnection: (id, ownerId) => connections.deleteConnection(ctx, id, ownerId),
    connectionSecrets: (id) => connections.connectionSecrets(ctx, id),
    setTokens: (connectionId, tokens) => connections.setTokens(ctx, connectionId, tokens),
    getTokens: (connectionId) => connections.getTokens(ctx, connectionId),
    putOAuthState: (state) => oauthStates.putOAuthState(ctx, state),
    takeOAuthState: (state) => oauthStates.takeOAuthState(ctx, state),
    rotateKey: (newKey) => keys.rotateKey(ctx, newKey),
    createSubscription: (input) => subscriptions.createSubscription(ctx, input),
    getSubscription: (id, ownerId) => subscriptions.getSubscription(ctx, id, ownerId),
    listSubscriptions: (ownerId, filter) => subscriptions.listSubscriptions(ctx, ownerId, filter),
    subscriptionsOfConnection: (connectionId) => subscriptions.subscriptionsOfConnection(ctx, connectionId),
    updateSubscription: (id, patch) => subscriptions.updateSubscription(ctx, id, patch),
    deleteSubscription: (id, ownerId) => subscriptions.deleteSubscription(ctx, id, ownerId),
    subscriptionSigningSecret: (id) => subscriptions.subscriptionSigningSecret(ctx, id),
    deliveryCounts: (ids) => subscriptions.deliveryCounts(ctx, ids),
    claimPolls: (owner, now, leaseMs, limit) => subscriptions.claimPolls(ctx, owner, now, leaseMs, limit),
    finishPoll: (id, owner, result) => subscriptions.finishPoll(ctx, id, owner, result),
    releaseLeases: (owner) => subscriptions.releaseLeases(ctx, owner),
    addEvents: (id, list, now, hasSink) => events.addEvents(ctx, id, list, now, hasSink),
    listEvents: (id, query) => events.listEvents(ctx, id, query),
    getEvent: (id, eventId) => events.getEvent(ctx, id, eventId),
    claimDeliveries: (owner, now, leaseMs, limit) => events.claimDeliveries(ctx, owner, now, leaseMs, limit),
    finishDelivery: (eventId, owner, outcome, now) =>
      events.finishDelivery(ctx, eventId, owner, outcome, now),
    replayEvents: (id, now, eventId) => events.replayEvents(ctx, id, now, eventId),
    pruneEvents: (before) => events.pruneEvents(ctx, before),
    close() {
      closed ??= ctx.engine.close();
      return closed;
    },
  };
}
