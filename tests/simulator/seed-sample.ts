/**
 * The "Pick up Chat" sample response from Zoho's documentation (SalesIQ REST API v2, "Pick up Chat").
 * The simulator's conversation serializer must reproduce it byte for byte for the seed chat, so the
 * values (and key order) here are the sample's, not invented ones. The contract test compares this
 * object with the seed document itself.
 */
import type { Conversation } from './types';

export const SEED_SCREEN_NAME = 'zylker';

export const SEED_PICKUP_RESPONSE: { url: string; object: string; data: Conversation } = {
  url: '/api/v2/zylker/conversations/19000000033103/pickup',
  object: 'conversations',
  data: {
    reference_id: '151',
    owner: {
      image_key: '0_466756000000002001',
      email: 'patricia@zylker.com',
      name: 'Patricia',
      is_bot: false,
      id: '466756000000002001',
    },
    chat_id: 'LD_2242278138463036757_1690029162',
    attender: {
      image_key: '0_466756000000002001',
      email: 'patricia@zylker.com',
      name: 'Patricia',
      is_bot: false,
      id: '466756000000002001',
    },
    type: 'chat',
    participants: [
      {
        image_key: '0_466756000000002001',
        email: 'patricia@zylker.com',
        name: 'Patricia',
        is_bot: false,
        id: '466756000000002001',
      },
    ],
    unread_chats: false,
    chat_status: { status_code: 0, state: 2, label: 'Connected' },
    uvid: 'c9db3d6f-c77a-463b-bfd3-01c771b2a96b-1',
    question: 'Can you help me with the payment process?',
    notes: false,
    attended_time: '1612943681060',
    start_time: '1612943653720',
    id: '19000000033103',
    last_modified_time: '1612943681060',
    status: 'Connected',
    app_id: '466756000000002043',
    department: { name: 'Zylker', id: '466756000000002013' },
    visitor: {
      name: 'James',
      id: '466756000000969001',
      country_code: 'IN',
      supported_operations: [
        'bot_chat',
        'file_share',
        'audio_call',
        'video_call',
        'screen_share',
        'remote_share',
        'edit_message',
        'delete_message',
        'reply_message',
        'block_ip',
        'article_share',
      ],
      ip: '121.244.91.20',
      phone: '9123337778',
      email: 'james@zyker.com',
      type: 'contact',
      channel_name: 'website',
      user_id: '$3403221679883552585',
    },
  },
};
